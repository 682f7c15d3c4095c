/**
 * `{name}` placeholders in a message, filled from params; an unknown name stays as written so that
 * a missing parameter shows in the text instead of vanishing. The one implementation used by the
 * diagnostics, the CLI, the templates' `t` helper and the browser runtime.
 */
export function fill(template: string, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] !== undefined ? String(params[name]) : whole))
}
