// The elements are defined in the browser only: on the server they are plain tags in the HTML.
export default defineNuxtPlugin(async () => {
  await import('@papertrend/embed');
});
