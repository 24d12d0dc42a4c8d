import { useState } from 'preact/hooks';
import type { AdminUser } from '../../schema';
import { useAppServices } from '../app-services';
import { useFeatureMessages } from '../i18n/feature-messages';
import { ServerCopyStatus } from '../server-copy/server-copy-status';
import { useServerCopy } from '../server-copy/use-server-copy';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';
import { useOnline } from '../use-online';
import { Done, useAdminWords } from './admin-fields';
import { keepUserInCopy, parseUsers, regionNames, sortUsers, usersCopyKey, usersPath } from './admin-users';
import { regionTreeChoices } from '../queries/region-tree';
import { NewUserForm } from './new-user-form';
import { roleKey, roleMessages } from './role-messages';
import { UserEditor } from './user-editor';
import '../server-copy/card-table.css';
import './admin.css';

type Panel = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; userId: string };

/** The administrator's list of users, and the forms that create and change them (online only). */
export function AdminUsersScreen() {
  const words = useAdminWords();
  const { m } = words;
  const roleWords = useFeatureMessages(roleMessages);
  const { db } = useAppServices();
  const online = useOnline();
  const state = useServerCopy(usersCopyKey, usersPath, parseUsers);
  const regions = useLiveQuery(() => db.regions.toArray(), [db]) ?? [];
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [done, setDone] = useState('');
  useDocumentTitle(m('title'));

  const regionsById = new Map(regions.map((r) => [r.id, r]));
  const choices = regionTreeChoices(regions);
  const users = state.copy ? sortUsers(state.copy.value) : [];
  const editing = panel.kind === 'edit' ? users.find((u) => u.id === panel.userId) : undefined;

  async function changed(user?: AdminUser) {
    if (user) await keepUserInCopy(db, user);
    void state.refresh();
  }

  function focusUserButton(userId: string) {
    // Back to where the administrator was in the list.
    requestAnimationFrame(() => document.getElementById(`edit-${userId}`)?.focus());
  }

  return (
    <div class="admin-users office-screen">
      <h1>{m('title')}</h1>
      <p class="note">{m('intro')}</p>
      <p class="note">{m('regionNote')}</p>
      <ServerCopyStatus state={state} />
      {!online && (
        <p class="form__alert" role="status">
          {m('offline')}
        </p>
      )}
      <Done>{done}</Done>
      <div class="admin-layout">
        {panel.kind !== 'none' && (
          <div class="admin-layout__side">
            {panel.kind === 'new' && (
              <NewUserForm
                choices={choices}
                words={words}
                onCancel={() => setPanel({ kind: 'none' })}
                onCreated={(user) => {
                  setPanel({ kind: 'none' });
                  setDone(m('created', { name: user.displayName }));
                  void changed(user);
                  focusUserButton(user.id);
                }}
              />
            )}
            {editing && (
              <UserEditor
                key={editing.id}
                user={editing}
                choices={choices}
                words={words}
                onChanged={(user) => void changed(user)}
                onClose={() => {
                  setPanel({ kind: 'none' });
                  focusUserButton(editing.id);
                }}
              />
            )}
          </div>
        )}
        <div class="admin-layout__main">
          <p>
            <button type="button" class="button" onClick={() => setPanel({ kind: 'new' })} aria-expanded={panel.kind === 'new'}>
              {m('add')}
            </button>
          </p>
          {state.copy &&
            (users.length === 0 ? (
              <p class="empty">{m('empty')}</p>
            ) : (
              <>
                <p>{m('count', { count: users.length, active: users.filter((u) => u.active).length })}</p>
                <table class="card-table user-table">
                  <caption class="visually-hidden">{m('caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{m('col.name')}</th>
                      <th scope="col">{m('col.username')}</th>
                      <th scope="col">{m('col.role')}</th>
                      <th scope="col">{m('col.regions')}</th>
                      <th scope="col">{m('col.status')}</th>
                      <th scope="col">{m('col.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {users.map((user) => {
                      const names = regionNames(user.regionIds, regionsById);
                      return (
                        <tr key={user.id} class={user.active ? undefined : 'user-row--inactive'} aria-current={editing?.id === user.id ? 'true' : undefined}>
                          <th scope="row" data-label={m('col.name')}>
                            <div>{user.displayName}</div>
                          </th>
                          <td data-label={m('col.username')}>
                            <div>
                              <code>{user.username}</code>
                            </div>
                          </td>
                          <td data-label={m('col.role')}>
                            <div>{roleWords.m(roleKey(user.role))}</div>
                          </td>
                          <td data-label={m('col.regions')}>
                            <div>{names.length > 0 ? names.join(', ') : <span class="empty">{m('noRegions')}</span>}</div>
                          </td>
                          <td data-label={m('col.status')}>
                            <div>
                              <span class={user.active ? 'user-status user-status--active' : 'user-status user-status--inactive'}>{user.active ? m('active') : m('inactive')}</span>
                            </div>
                          </td>
                          <td data-label={m('col.actions')}>
                            <div>
                              <button
                                type="button"
                                id={`edit-${user.id}`}
                                class="button button--quiet button--small"
                                aria-label={m('editLabel', { name: user.displayName })}
                                onClick={() => {
                                  setDone('');
                                  setPanel({ kind: 'edit', userId: user.id });
                                }}
                              >
                                {m('edit')}
                              </button>
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>
            ))}
        </div>
      </div>
    </div>
  );
}
