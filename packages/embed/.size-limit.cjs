// The script-tag build, everything included (preact/compat, the widget, search, the lite parser, styles).
module.exports = [
  {
    name: '<trending-papers> script tag, everything included',
    path: 'dist/papertrend.global.js',
    limit: '40 kB',
    gzip: true,
  },
];
