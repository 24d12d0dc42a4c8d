import { spawn } from 'node:child_process';

// `npm run dev`: the API server and Vite's dev server (which proxies /api to it), side by side.
const children = [
  spawn('npx', ['tsx', 'watch', 'api/main.ts'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--port', '5173'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && process.exit(code));
