/** `parcours init [folder]`: a ready-to-edit course (course.yml, one module showing every feature). */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { packageRoot } from '../../package-root.js'
import { messages, UsageError, type Command, type CommandContext } from '../command.js'
import { EXIT } from '../exit-codes.js'

const say = messages({
  fr: {
    exists: 'Ces fichiers existent déjà dans {dir} ; parcours init n’écrase rien :\n{files}\nChoisissez un dossier vide ou nouveau : parcours init ma-formation',
    notDir: '« {dir} » existe et n’est pas un dossier.',
    created:
      'Formation créée dans {dir} :\n{files}\n\nEnsuite :\n{cd}  parcours preview     voir la formation dans le navigateur, mise à jour à chaque enregistrement\n  parcours build       fabriquer le paquet SCORM pour Moodle (dist/)\nLisez BIEN-DEMARRER.md pour la suite.',
    cd: '  cd {dir}\n',
  },
  en: {
    exists: 'These files already exist in {dir}; parcours init overwrites nothing:\n{files}\nChoose an empty or new folder: parcours init my-course',
    notDir: '"{dir}" exists and is not a folder.',
    created:
      'Course created in {dir}:\n{files}\n\nNext:\n{cd}  parcours preview     see the course in the browser, updated on every save\n  parcours build       make the SCORM package for Moodle (dist/)\nBIEN-DEMARRER.md (in French) tells the rest.',
    cd: '  cd {dir}\n',
  },
})

export const init: Command = {
  name: 'init',
  summary: { fr: 'crée une formation prête à modifier', en: 'creates a ready-to-edit course' },
  usage: { fr: 'parcours init [dossier]', en: 'parcours init [folder]' },
  details: {
    fr: 'Dossier par défaut : le dossier courant. N’écrase jamais un fichier existant. La formation créée est en français.',
    en: 'Default folder: the current folder. Never overwrites a file. The course it creates is in French.',
  },
  options: {},
  maxPositionals: 1,
  run,
}

async function run({ lang, positionals, io }: CommandContext): Promise<number> {
  const given = positionals[0] ?? '.'
  const dir = resolve(io.cwd, given)
  if (
    await stat(dir).then(
      (s) => !s.isDirectory(),
      () => false,
    )
  )
    throw new UsageError(say(lang, 'notDir', { dir: given }))
  const starter = join(packageRoot(), 'starter')
  const files = await listFiles(starter)
  const taken = (
    await Promise.all(
      files.map(async (f) =>
        (await stat(join(dir, f)).then(
          () => true,
          () => false,
        ))
          ? f
          : undefined,
      ),
    )
  ).filter((f) => f !== undefined)
  if (taken.length) throw new UsageError(say(lang, 'exists', { dir: given, files: taken.map((f) => `  ${f}`).join('\n') }))
  const id = await courseId(dir)
  for (const file of files) {
    let bytes: Buffer | string = await readFile(join(starter, file))
    if (file === 'course.yml') bytes = bytes.toString('utf8').replace(/^id: ma-formation$/m, `id: ${id}`)
    await mkdir(dirname(join(dir, file)), { recursive: true })
    // 'wx': never overwrite, even a file that appeared since the check above.
    await writeFile(join(dir, file), bytes, { flag: 'wx' })
  }
  const shown = relative(io.cwd, dir)
  io.stdout(
    `${say(lang, 'created', { dir: shown || '.', files: files.map((f) => `  ${f}`).join('\n'), cd: shown ? say(lang, 'cd', { dir: /\s/.test(shown) ? `"${shown}"` : shown }) : '' })}\n`,
  )
  return EXIT.ok
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort()
}

/** The folder's name as a course id (`Formation RGPD 2026` → `formation-rgpd-2026`), when it makes one. */
async function courseId(dir: string): Promise<string> {
  const [{ default: slugify }, { ID_PATTERN }] = await Promise.all([import('@sindresorhus/slugify'), import('../../compiler/parse/course-config.js')])
  const id = slugify(basename(dir)).slice(0, 64).replace(/-+$/, '')
  return ID_PATTERN.test(id) ? id : 'ma-formation'
}
