import { describe, expect, it } from "vitest";
import { pinRedirectToOrigin } from "@/lib/auth/canonical-redirect";
import { confirmationUrl } from "@/lib/auth/magic-link-url";

describe("confirmationUrl", () => {
  it("points the mailed link at the confirmation page with the same token, email and callback", () => {
    const link = confirmationUrl(
      "http://localhost:3000/api/auth/callback/nodemailer?callbackUrl=%2Fdashboard&token=abc123&email=ada%40example.com",
    );
    const url = new URL(link);
    expect(url.pathname).toBe("/login/confirm");
    expect(url.origin).toBe("http://localhost:3000");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      token: "abc123",
      email: "ada@example.com",
      callbackUrl: "/dashboard",
    });
  });
});

describe("pinRedirectToOrigin", () => {
  it("keeps path, query and hash but always uses the app's origin", () => {
    expect(
      pinRedirectToOrigin("http://localhost:3005/login/error?error=Verification", "http://127.0.0.1:3005"),
    ).toBe("http://127.0.0.1:3005/login/error?error=Verification");
    expect(pinRedirectToOrigin("https://evil.example/x#y", "https://spawner.example")).toBe(
      "https://spawner.example/x#y",
    );
    expect(pinRedirectToOrigin("/dashboard", "https://spawner.example")).toBe(
      "https://spawner.example/dashboard",
    );
  });
});
