// Types of generate.js (plain JavaScript, run by `npm run bench`) for the TypeScript tests that reuse it.
export interface GeneratedCourse {
  dir: string
  modules: number
  pages: number
  questions: number
  sco: 'course' | 'module'
  attempts: number
  files: number
  bytes: number
  fingerprint: string
}

export function generateCourse(
  dir: string,
  options: { modules: number; pages: number; questions: number; sco?: 'course' | 'module'; attempts?: number; seed?: number; id?: string },
): Promise<GeneratedCourse>
