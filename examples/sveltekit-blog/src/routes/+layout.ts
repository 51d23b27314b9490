// A static blog: every page is HTML written at build time.
export const prerender = true;
