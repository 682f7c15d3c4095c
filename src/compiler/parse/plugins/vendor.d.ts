// markdown-it plugins that ship no types (markdown-it 15 bundles its own).
declare module 'markdown-it-container' {
  import type MarkdownIt from 'markdown-it'
  const container: (md: MarkdownIt, name: string, options?: { validate?: (params: string, markup: string) => boolean }) => void
  export default container
}
declare module 'markdown-it-deflist' {
  import type MarkdownIt from 'markdown-it'
  const deflist: (md: MarkdownIt) => void
  export default deflist
}
