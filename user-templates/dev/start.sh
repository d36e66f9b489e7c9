#!/bin/sh
# Renders the page from the env the app sets (USER_SLUG, CONTAINER_TYPE, SERVICE_BASE_PATH), then runs nginx.
set -eu

# Values come from outside: every one is HTML-escaped before it reaches the page.
escape() {
  printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' -e "s/'/\&#39;/g"
}

slug=$(escape "${USER_SLUG:-unknown}")
type=$(escape "${CONTAINER_TYPE:-dev}")
# Links are relative; a base path (set by the app behind Traefik) also keeps them right at /{slug}-dev without a slash.
base=""
case "${SERVICE_BASE_PATH:-/}" in
  / | "") ;;
  /*) base="<base href=\"$(escape "${SERVICE_BASE_PATH%/}")/\">" ;;
esac

mkdir -p /tmp/www /tmp/nginx
cp /srv/site/style.css /tmp/www/style.css
cat >/tmp/www/index.html <<HTML
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
$base
<title>$slug · $type</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<main>
<h1>Hello from $slug-$type</h1>
<p>This is your Spawner <strong>$type</strong> container.</p>
<dl>
<dt>User</dt><dd id="slug">$slug</dd>
<dt>Type</dt><dd id="type">$type</dd>
</dl>
<p><a href="healthz">Health check</a></p>
</main>
</body>
</html>
HTML

echo "dev container for ${USER_SLUG:-unknown} is up on :8080"
exec nginx -e stderr -g 'daemon off;'
