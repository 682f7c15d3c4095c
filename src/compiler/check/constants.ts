/** The course file's name, for course-level findings (kept apart from pipeline.ts to avoid an import cycle). */
export const COURSE_FILE_NAME = 'course.yml'
