// Byte budgets, React excluded (it is the host page's). The first entry is what a page pays on load for a
// widget given static papers; `src` mode loads core's parsers later, on demand, and is budgeted separately.
const lazyParsersExternal = {
  name: 'lazy-parsers-external',
  setup(build) {
    // Only the dynamic import('@papertrend/core') of src mode: static imports are measured as usual.
    build.onResolve({ filter: /^@papertrend\/core$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

module.exports = [
  {
    name: 'TrendingPapers with static papers, initial load',
    path: 'dist/index.js',
    import: '{ TrendingPapers }',
    ignore: ['react', 'react-dom'],
    limit: '20 kB',
    modifyEsbuildConfig(config) {
      config.plugins = [...(config.plugins ?? []), lazyParsersExternal];
      return config;
    },
  },
];
