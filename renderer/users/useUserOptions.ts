import { useEffect, useState } from 'react';
import { call } from '../api/client';

export interface UserOption {
  value: string;
  label: string;
}

/**
 * The active users an official can be linked to (issue 12: the user account that signs). Only the
 * administrator may list users: for anyone else this stays null, and the form says who links accounts.
 */
export function useUserOptions(): UserOption[] | null {
  const [users, setUsers] = useState<UserOption[] | null>(null);
  useEffect(() => {
    let live = true;
    call('users.list', {}).then(
      (list) => {
        if (live) setUsers(list.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return users;
}
