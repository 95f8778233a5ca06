import {defineConfig} from 'vite';
import react from '@vitejs/plugin-react';
import {nodePolyfills} from 'vite-plugin-node-polyfills';

// The landing server-renders the meeting page and links two fixed URLs, /meeting/meeting.js and
// /meeting/meeting.css. The build therefore writes into the jar's static resources (served by Spring Boot
// under /meeting/**) with those two entry names stable; every other chunk and asset is content-hashed.
const OUT_DIR = 'target/classes/static/meeting';

export default defineConfig(({mode}) => ({
  base: '/meeting/',
  plugins: [
    react(),
    // The Webex SDK inside @webex/widgets expects Node's globals and core modules (util.inherits, Buffer,
    // process, events, ...). Without these polyfills it fails in the browser with "n.inherits is not a
    // function". Vitest runs in Node and jsdom, where they would only shadow the real ones.
    mode === 'test' ? null : nodePolyfills({
      globals: {Buffer: true, global: true, process: true},
      protocolImports: true,
    }),
  ],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    // The widget chunk is about 2 MB of third-party code: the warning would fire on every build and says
    // nothing new. docs/widget.md records the real sizes instead.
    chunkSizeWarningLimit: 8192,
    sourcemap: false,
    rolldownOptions: {
      input: {meeting: 'src/main/js/main.jsx'},
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: (asset) => (asset.names ?? []).includes('meeting.css')
          ? 'meeting.css'
          : 'assets/[name]-[hash][extname]',
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/test/js/**/*.test.{js,jsx}'],
    setupFiles: ['src/test/js/setup.js'],
    restoreMocks: true,
  },
}));
