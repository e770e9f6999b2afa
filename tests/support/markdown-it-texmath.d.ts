// markdown-it-texmath ships no types; the tests use it only as a markdown-it plugin.
declare module 'markdown-it-texmath' {
  import type { PluginWithOptions } from 'markdown-it';
  const texmath: PluginWithOptions<Record<string, unknown>>;
  export default texmath;
}
