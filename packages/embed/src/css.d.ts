/** Stylesheets are bundled as text (tsup's text loader) and put into the shadow root. */
declare module '*.css' {
  const text: string;
  export default text;
}
