import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { RunningServer } from './server';

/** A mail as the development mailbox lists it (GET /api/dev/mailbox). */
interface ListedMail {
  id: number | string;
  to?: string;
  to_address?: string;
}

/**
 * The mails a test server wrote, read the way a person would follow them:
 * from the development mailbox (GET /api/dev/mailbox, /api/dev/mailbox/{id})
 * when the server has one, else from the outbox table of its SQLite file
 * (the test's own scratch data directory; the server exposes nothing more).
 */
export class Mailbox {
  constructor(private readonly server: Pick<RunningServer, 'url' | 'dataDir'>) {}

  /**
   * The path and query of the newest link to `path` (/verify-email,
   * /reset-password) mailed to the address; waits a few seconds for it.
   */
  async link(address: string, path: string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const bodies = (await this.fromDevMailbox(address)) ?? this.fromOutbox(address);
      for (const body of bodies) {
        const match = new RegExp(`https?://[^\\s"'<>]*${path}\\?token=[A-Za-z0-9_-]+`).exec(body);
        if (match) {
          const url = new URL(match[0]);
          return url.pathname + url.search;
        }
      }
      if (Date.now() > deadline) throw new Error(`no ${path} link was mailed to ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The token of that link. */
  async token(address: string, path: string): Promise<string> {
    return new URL(await this.link(address, path), 'http://x').searchParams.get('token')!;
  }

  /** The texts of the mails to the address, newest first; null without a dev mailbox. */
  private async fromDevMailbox(address: string): Promise<string[] | null> {
    const listed = await fetch(`${this.server.url}/api/dev/mailbox`);
    if (!listed.ok) return null;
    const body = (await listed.json()) as ListedMail[] | { items: ListedMail[] };
    const mails = (Array.isArray(body) ? body : body.items).filter((mail) =>
      (mail.to ?? mail.to_address ?? '').toLowerCase().includes(address.toLowerCase()),
    );
    const texts: string[] = [];
    for (const mail of [...mails].sort((a, b) => (String(a.id) < String(b.id) ? 1 : -1))) {
      const answer = await fetch(`${this.server.url}/api/dev/mailbox/${mail.id}`);
      if (answer.ok) texts.push(((await answer.json()) as { text: string }).text);
    }
    return texts;
  }

  private fromOutbox(address: string): string[] {
    const quoted = `'${address.toLowerCase().replaceAll("'", "''")}'`;
    const output = execFileSync(
      'sqlite3',
      [
        '-json',
        join(this.server.dataDir, 'pocketshop.db'),
        `SELECT text_body FROM mail_outbox WHERE to_address = ${quoted} ORDER BY id DESC`,
      ],
      { encoding: 'utf8' },
    );
    return output.trim()
      ? (JSON.parse(output) as { text_body: string }[]).map((r) => r.text_body)
      : [];
  }
}
