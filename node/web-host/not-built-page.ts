// What the host shows when the renderer has not been built: how to build it, instead of a 404.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function notBuiltPage(staticDir: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Mull: the renderer is not built</title>
</head>
<body>
<main>
<h1>Mull's web host is running, but the renderer is not built yet</h1>
<p>There is no <code>index.html</code> in <code>${escapeHtml(staticDir)}</code>.</p>
<p>Build it with <code>npm run build</code> (<code>npm start</code> builds it first), then reload this page.</p>
</main>
</body>
</html>
`;
}
