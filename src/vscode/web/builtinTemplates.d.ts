/** The built-in templates, bundled into the browser build by esbuild.js (no disk to read them from there). */
declare module 'rapport:builtin-templates' {
  const files: { name: string; text: string }[];
  export default files;
}
