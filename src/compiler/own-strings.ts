/**
 * V8 keeps a concatenation as a rope over its parts, and a substring as a slice of its source:
 * the HTML markdown-it renders for a module is a rope of thousands of slices of the module's text,
 * so the model kept every module's text alive to the end of the build (≈ 47 MB at 1,000 modules,
 * issue 14). Flattening each string of the model writes it out as one string and lets the parts
 * and the text go. Converting a string to a number flattens it in V8 (the technique of npm's
 * flatstr, used by pino); the number is not used.
 */
export function ownStrings<T>(value: T): T {
  if (typeof value === 'string') Number(value)
  else if (Array.isArray(value)) for (const item of value) ownStrings(item)
  else if (value && typeof value === 'object') for (const key in value) ownStrings((value as Record<string, unknown>)[key])
  return value
}
