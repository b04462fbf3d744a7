import type { RunningServer } from './server';

/** A mail as the development mailbox lists it (GET /api/dev/mailbox). */
interface ListedMail {
  id: number;
  to: string;
}

/**
 * The mails a test server wrote, read the way a newcomer follows them: from
 * the development mailbox (GET /api/dev/mailbox, /api/dev/mailbox/{id}),
 * which a server with no SMTP configured keeps.
 */
export class Mailbox {
  constructor(private readonly server: Pick<RunningServer, 'url'>) {}

  /**
   * The path and query of the newest link to `path` (/verify-email,
   * /reset-password) mailed to the address; waits a few seconds for it.
   */
  async link(address: string, path: string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const body of await this.texts(address)) {
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

  /** The texts of the mails to the address, newest first. */
  private async texts(address: string): Promise<string[]> {
    const listed = await fetch(`${this.server.url}/api/dev/mailbox?limit=100`);
    if (!listed.ok) throw new Error(`GET /api/dev/mailbox: ${listed.status}`);
    const { items } = (await listed.json()) as { items: ListedMail[] };
    const mails = items
      .filter((mail) => mail.to.toLowerCase() === address.toLowerCase())
      .sort((a, b) => b.id - a.id);
    const texts: string[] = [];
    for (const mail of mails) {
      const answer = await fetch(`${this.server.url}/api/dev/mailbox/${mail.id}`);
      if (answer.ok) texts.push(((await answer.json()) as { text: string }).text);
    }
    return texts;
  }
}
