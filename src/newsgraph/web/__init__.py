"""The explorer: server-rendered pages (``views``), the pictures they draw as SVG
(``graphics``), text highlighting (``highlight``), Jinja2 templates and vendored static
files (no CDN: it works offline)."""
