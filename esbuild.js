// Bundles the extension (a Node entry, `main`, and a web-worker entry, `browser`) and the CLI.
// esbuild does not type-check: `npm run typecheck` does.
//
// The web bundle must hold no Node built-in and no polyfill of one: `checkWebBundle` reads its
// metafile and fails the build when one appears (test/unit/webBundle.test.ts runs it too).
//   --web-test   also builds dist/web-test/extension.js, the test run's variant that honours the
//                hidden setting rapport.testing.today (scripts/web-test.js)
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { builtinModules } = require('module');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the form VS Code's $esbuild-watch problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcher],
};

/** `import templates from 'rapport:builtin-templates'`: the built-in templates as data (a browser has no disk to read them from). */
const builtinTemplates = {
  name: 'builtin-templates',
  setup(build) {
    build.onResolve({ filter: /^rapport:builtin-templates$/ }, () => ({ path: 'templates', namespace: 'rapport-templates' }));
    build.onLoad({ filter: /.*/, namespace: 'rapport-templates' }, () => {
      const dir = path.join(__dirname, 'templates');
      const files = fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()
        .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
      return { contents: `module.exports = { default: ${JSON.stringify(files)} };`, loader: 'js', watchFiles: files.map((f) => path.join(dir, f.name)) };
    });
  },
};

/** The browser (web worker) build: the same sources, no Node. */
const web = (outfile, testBuild) => ({
  ...common,
  platform: 'browser',
  target: 'es2022',
  entryPoints: ['src/vscode/extension.web.ts'],
  outfile,
  external: ['vscode'],
  // A web worker has no DOM: packages that ship a `worker` build (decode-named-character-reference's
  // `browser` build calls document.createElement) must give us that one.
  conditions: ['worker'],
  metafile: true,
  define: { RAPPORT_TEST_BUILD: String(testBuild) },
  plugins: [problemMatcher, builtinTemplates],
});

const targets = [
  { ...common, entryPoints: ['src/vscode/extension.node.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  web('dist/web/extension.js', false),
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (process.argv.includes('--web-test')) targets.push(web('dist/web-test/extension.js', true));

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages that exist to stand in for Node built-ins in a browser. */
const POLYFILLS = /(^|\/)node_modules\/(path-browserify|os-browserify|process|buffer|events|util|stream-browserify|crypto-browserify|browserify-fs|assert|url|querystring-es3|node-libs-browser|node-polyfill-webpack-plugin)\//;

/**
 * The reasons a web bundle's metafile shows Node in it: an import of a Node built-in (even an
 * external one), a polyfill package, or any file of src/node/ (the Node side of the split).
 * Returns [] when the bundle is clean.
 */
function checkWebBundle(metafile) {
  const problems = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    const posix = file.split(path.sep).join('/');
    if (/(^|\/)src\/node\//.test(posix)) problems.push(`${posix} (Node-only code) is in the web bundle`);
    if (POLYFILLS.test(posix)) problems.push(`${posix} is a Node polyfill`);
    for (const imp of input.imports) {
      if (NODE_BUILTINS.has(imp.path)) problems.push(`${posix} imports the Node built-in '${imp.path}'`);
    }
  }
  for (const [file, output] of Object.entries(metafile.outputs)) {
    for (const imp of output.imports) {
      if (imp.external && imp.path !== 'vscode') problems.push(`${file} requires '${imp.path}' at run time (only 'vscode' may be external)`);
    }
  }
  return problems;
}

async function main() {
  const contexts = await Promise.all(targets.filter((t) => require('fs').existsSync(t.entryPoints[0])).map((t) => esbuild.context(t)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (results.some((r) => r.errors.length > 0)) process.exit(1);
  for (const r of results) {
    if (!r.metafile) continue;
    const problems = checkWebBundle(r.metafile);
    if (problems.length > 0) {
      console.error(`✘ [ERROR] the web bundle must not hold Node:\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
  }
}

module.exports = { checkWebBundle, web };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
