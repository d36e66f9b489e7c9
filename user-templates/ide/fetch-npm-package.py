#!/usr/bin/env python3
"""Downloads the newest release of an npm package matching a version prefix, checking its integrity.

    fetch-npm-package.py NAME SPEC OUT.tgz [CA_FILE]

SPEC is a major ("24"), a major.minor ("24.11") or an exact version ("24.11.1"); prereleases never match.
Used before the image has any npm at all (to get Node itself and npm); CA_FILE is added to the system's CAs
(networks that inspect TLS). NPM_REGISTRY overrides the registry. Prints the version it fetched.
"""
import base64
import hashlib
import json
import os
import ssl
import sys
import urllib.parse
import urllib.request


def main():
    name, spec, out = sys.argv[1:4]
    ca_file = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
    registry = os.environ.get("NPM_REGISTRY", "https://registry.npmjs.org/").rstrip("/") + "/"
    context = ssl.create_default_context()
    if ca_file:
        context.load_verify_locations(cafile=ca_file)

    def get(url, accept="*/*"):
        request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": "spawner-image-build"})
        with urllib.request.urlopen(request, context=context, timeout=120) as response:
            return response.read()

    # The abbreviated document: versions with their dist only.
    meta = json.loads(get(registry + urllib.parse.quote(name, safe="@"), "application/vnd.npm.install-v1+json"))
    matching = []
    for version, manifest in meta["versions"].items():
        if "-" in version or "+" in version:
            continue
        if version == spec or version.startswith(spec + "."):
            matching.append((tuple(int(part) for part in version.split(".")), version, manifest["dist"]))
    if not matching:
        sys.exit(f"{name}: no release matches {spec}")
    _, version, dist = max(matching)

    data = get(dist["tarball"])
    integrity = dist.get("integrity", "")
    if integrity.startswith("sha512-"):
        expected, actual = base64.b64decode(integrity[7:]), hashlib.sha512(data).digest()
    else:
        expected, actual = dist["shasum"], hashlib.sha1(data).hexdigest()
    if expected != actual:
        sys.exit(f"{name}@{version}: the tarball does not match the registry's checksum")
    with open(out, "wb") as file:
        file.write(data)
    print(f"{name}@{version}")


if __name__ == "__main__":
    main()
