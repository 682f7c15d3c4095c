/**
 * Text from a course, made safe to print in a terminal. A title in course.yml can hold escape
 * sequences (`\e]0;…\a` retitles the window, `\e[2J` clears the screen, OSC 8 forges links):
 * printed raw, they act on the trainer's terminal. Escape sequences are removed; any other
 * control character is shown by its code (`<U+0007>`) rather than sent.
 */
const ESCAPE_SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_])|\u009B[0-?]*[ -/]*[@-~]/g
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
}
