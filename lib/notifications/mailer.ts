import "server-only";
import nodemailer from "nodemailer";

/**
 * Email goes out through the SMTP server the environment names: VERITY_SMTP_URL
 * (smtp://user:pass@host:port, or smtps:// for TLS from the start) and VERITY_MAIL_FROM (the
 * sender's address). Without both, Verity sends no email at all and says so where it would.
 */
export interface MailSettings {
  url: string;
  from: string;
}

export function mailSettings(env: Record<string, string | undefined> = process.env): MailSettings | null {
  const url = env.VERITY_SMTP_URL?.trim();
  const from = env.VERITY_MAIL_FROM?.trim();
  return url && from ? { url, from } : null;
}

export function isMailConfigured(): boolean {
  return mailSettings() !== null;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** A sender for many messages over one connection; close it when done. */
export function openMailer(settings: MailSettings) {
  const transport = nodemailer.createTransport(settings.url);
  return {
    send: (mail: Mail) => transport.sendMail({ from: settings.from, ...mail }),
    close: () => transport.close(),
  };
}
