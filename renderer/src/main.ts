// Placeholder until the job board lands: keeps the browser-side TypeScript config honest.
const root = document.getElementById('root');
if (root) root.textContent = 'Mull';
