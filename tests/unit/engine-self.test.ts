// How the app knows its own container (from /proc/self files) and Traefik (from an image reference).
import { describe, expect, it } from "vitest";
import { isTraefikImage, parseContainerId } from "@/lib/engine/self";

const ID = "3f4e1c0a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

describe("the app's own container id", () => {
  it("is read from the bind-mounted files in /proc/self/mountinfo", () => {
    const mountinfo = [
      "812 790 0:52 / / rw,relatime master:322 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC",
      `830 812 8:1 /var/lib/docker/containers/${ID}/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/sda1 rw`,
      `831 812 8:1 /var/lib/docker/containers/${ID}/hostname /etc/hostname rw,relatime - ext4 /dev/sda1 rw`,
    ].join("\n");
    expect(parseContainerId(mountinfo)).toBe(ID);
  });

  it("is read from a cgroup v1 line or a systemd scope in /proc/self/cgroup", () => {
    expect(parseContainerId(`12:memory:/docker/${ID}\n11:cpu,cpuacct:/docker/${ID}\n`)).toBe(ID);
    expect(parseContainerId(`0::/system.slice/docker-${ID}.scope\n`)).toBe(ID);
  });

  it("is unknown on the host or under cgroup v2's private namespace", () => {
    expect(parseContainerId("0::/\n")).toBeNull();
    expect(parseContainerId("25 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n")).toBeNull();
    expect(parseContainerId(`12:memory:/docker/${ID.slice(0, 12)}\n`)).toBeNull();
  });
});

describe("a Traefik image", () => {
  it.each(["traefik", "traefik:v3.3", "registry.example.com/library/traefik:v3", "traefik@sha256:abc"])(
    "is %s",
    (image) => {
      expect(isTraefikImage(image)).toBe(true);
    },
  );

  it.each(["my-traefik-plugin-demo", "traefik-plugin:v1", "nginx:latest"])("is not %s", (image) => {
    expect(isTraefikImage(image)).toBe(false);
  });
});
