// The script-tag build, everything included (preact/compat, the widget, search, the lite parser, styles).
// 40 kB until the search that finds what people remember (phrases, every one-slip neighbour, the query
// language: +2.5 kB of the search entry); raised on purpose to 42 kB, not to make room for anything else.
module.exports = [
  {
    name: '<trending-papers> script tag, everything included',
    path: 'dist/papertrend.global.js',
    limit: '42 kB',
    gzip: true,
  },
];
