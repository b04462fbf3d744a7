import { client } from '../../../lib/api';
import { saveFile } from '../../../lib/save-file';
import type {
  AccountExport,
  ChangeEmailInput,
  ChangePasswordInput,
  LogoutOthersInput,
  Session,
  UpdateMeInput,
  User,
} from '../../../lib/api/types';

/** Changes the name shops see on orders, in messages and under reviews. */
export const updateMe = (input: UpdateMeInput) => client.patch<User>('/api/me', input);

/** Ends every other session; the answer is this browser's new session. */
export const changePassword = (input: ChangePasswordInput) =>
  client.post<Session>('/api/me/password', input);

/** Ends every other session, the password unchanged; the answer is this browser's new session. */
export const logoutOthers = (input: LogoutOthersInput) =>
  client.post<Session>('/api/auth/logout-others', input);

/** Mails a link to the new address; the address changes when it is followed. */
export const changeEmail = (input: ChangeEmailInput) => client.post<void>('/api/me/email', input);

export const resendVerification = () => client.post<void>('/api/me/verification-mail');

export const getMyData = () => client.get<AccountExport>('/api/me/export');

export const deleteAccount = (password: string) =>
  client.delete<void>('/api/me', { body: { password } });

/**
 * Downloads everything kept about the user as JSON. The request carries the
 * access token, which a plain link could not, so the file is fetched first.
 */
export async function downloadMyData() {
  const data = await getMyData();
  saveFile(JSON.stringify(data, null, 2), 'pocketshop-data.json', 'application/json');
}
