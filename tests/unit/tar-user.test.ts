import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packTar, readTarFiles } from "@/lib/runtime/docker/tar";
import { parseGroups, parsePasswd, resolveUser } from "@/lib/runtime/docker/user";

describe("packTar", () => {
  it("writes an archive GNU tar reads back with the same names, contents, modes and owners", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "spawner-tar-"));
    try {
      const long = `deep/${"d".repeat(120)}/x.json`;
      const archive = packTar([
        { type: "dir", path: "/home/app/.config", mode: 0o700, uid: 1000, gid: 1000 },
        {
          type: "file",
          path: "/home/app/.config/hosts.yml",
          content: Buffer.from("token: x\n"),
          mode: 0o600,
          uid: 1000,
          gid: 1001,
        },
        { type: "file", path: long, content: Buffer.alloc(1500, 7), mode: 0o644, uid: 0, gid: 0 },
      ]);
      expect(archive.length % 512).toBe(0);
      writeFileSync(path.join(dir, "a.tar"), archive);
      const listing = execFileSync("tar", ["-tvf", "a.tar", "--numeric-owner"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(listing).toMatch(/drwx------ 1000\/1000 .* home\/app\/\.config\//);
      expect(listing).toMatch(/-rw------- 1000\/1001 +9 .* home\/app\/\.config\/hosts\.yml/);
      execFileSync("tar", ["-xf", "a.tar"], { cwd: dir });
      expect(readFileSync(path.join(dir, "home/app/.config/hosts.yml"), "utf8")).toBe("token: x\n");
      expect(readFileSync(path.join(dir, long))).toEqual(Buffer.alloc(1500, 7));
      expect(statSync(path.join(dir, "home/app/.config/hosts.yml")).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes a path ustar can't hold (a part over 100 bytes, as a secret path may have) in a pax header", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "spawner-tar-"));
    try {
      const part = "p".repeat(150);
      const archive = packTar([
        { type: "dir", path: `/home/app/${part}`, mode: 0o700, uid: 1000, gid: 1000 },
        {
          type: "file",
          path: `/home/app/${part}/${part}.json`,
          content: Buffer.from("{}"),
          mode: 0o600,
          uid: 1000,
          gid: 1000,
        },
      ]);
      writeFileSync(path.join(dir, "a.tar"), archive);
      const listing = execFileSync("tar", ["-tvf", "a.tar", "--numeric-owner"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(listing).toContain(`drwx------ 1000/1000`);
      expect(listing).toContain(` home/app/${part}/${part}.json`);
      execFileSync("tar", ["-xf", "a.tar"], { cwd: dir });
      expect(readFileSync(path.join(dir, `home/app/${part}/${part}.json`), "utf8")).toBe("{}");
      expect(statSync(path.join(dir, `home/app/${part}`)).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads back the files of an archive GNU tar made", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "spawner-tar-"));
    try {
      writeFileSync(path.join(dir, "passwd"), "root:x:0:0:root:/root:/bin/sh\n");
      const archive = execFileSync("tar", ["-cf", "-", "passwd"], { cwd: dir });
      expect(readTarFiles(archive)).toEqual([
        { name: "passwd", content: Buffer.from("root:x:0:0:root:/root:/bin/sh\n") },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("resolveUser", () => {
  const accounts = parsePasswd(
    "root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnode:x:1000:1000::/home/node:/bin/bash\nbroken\n",
  );
  const groups = parseGroups("root:x:0:\nstaff:x:50:\nnode:x:1000:\n");

  it.each([
    ["", undefined, { uid: 0, gid: 0, home: "/root" }],
    ["www-data", undefined, { uid: 33, gid: 33, home: "/var/www" }],
    ["node", undefined, { uid: 1000, gid: 1000, home: "/home/node" }],
    ["1000", undefined, { uid: 1000, gid: 1000, home: "/home/node" }],
    ["node:staff", undefined, { uid: 1000, gid: 50, home: "/home/node" }],
    ["4242:4243", undefined, { uid: 4242, gid: 4243, home: "/" }],
    ["4242", "/data/home", { uid: 4242, gid: 0, home: "/data/home" }],
  ])("resolves USER %j (ENV HOME %s) as the engine does", (user, envHome, expected) => {
    expect(resolveUser(user, accounts, groups, envHome)).toEqual(expected);
  });

  it("says which user or group an image names that its own files lack", () => {
    expect(() => resolveUser("ghost", accounts, groups, undefined)).toThrow(
      /"ghost" is not in its \/etc\/passwd/,
    );
    expect(() => resolveUser("node:wheel", accounts, groups, undefined)).toThrow(
      /"wheel" is not in its \/etc\/group/,
    );
  });
});
