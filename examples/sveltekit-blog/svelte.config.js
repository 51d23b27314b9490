import adapter from '@sveltejs/adapter-static';

/** Every page prerendered to static HTML in build/ (a blog on any static host). */
export default {
  kit: { adapter: adapter() },
};
