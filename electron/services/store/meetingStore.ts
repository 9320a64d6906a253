import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { meetingRecord, type MeetingRecord } from '../../../shared/contract/meetingSchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import { readFileIfExists, writeFileDurable } from './durableFile';
import type { Codec } from './jsonFile';
import { storageError } from './storageErrors';

const FILE_NAME = /^([0-9a-f-]{36})\.json$/;

/**
 * The commission's meetings, one file each (`meetings/<id>.json`, sealed like every record). A
 * meeting is small and an institution holds a few dozen a year, so all are read at the first use
 * (not at start: opening the app and listing the cases do not wait for them) and kept in memory; a
 * write replaces the one file atomically and durably.
 */
export class MeetingStore {
  private readonly folder: string;
  private readonly meetings = new Map<string, MeetingRecord>();
  /** Files that could not be read, by meeting id: they stay on disk untouched. */
  private readonly damaged = new Set<string>();
  private loaded = false;

  constructor(
    dir: DataDirectory,
    private readonly codec: Codec,
  ) {
    this.folder = dir.path('meetings');
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const name of readdirSync(this.folder)) {
      const id = FILE_NAME.exec(name)?.[1];
      if (id === undefined) continue;
      try {
        const parsed = meetingRecord.safeParse(this.codec.decode(readFileIfExists(join(this.folder, name)) ?? Buffer.alloc(0)));
        if (parsed.success && parsed.data.id === id) this.meetings.set(id, parsed.data);
        else this.damaged.add(id);
      } catch {
        this.damaged.add(id);
      }
    }
  }

  list(): MeetingRecord[] {
    this.load();
    return [...this.meetings.values()];
  }

  /** Ids of meeting files that could not be read. */
  damagedIds(): string[] {
    this.load();
    return [...this.damaged];
  }

  get(id: string): MeetingRecord {
    this.load();
    const meeting = this.meetings.get(id);
    if (meeting) return meeting;
    if (this.damaged.has(id)) {
      throw new DomainError(
        'MEETING_DAMAGED',
        'Posėdžio failas sugadintas ir neperskaitomas. Jis paliktas nepakeistas; atkurkite jį iš atsarginės kopijos.',
        'The meeting file is damaged and cannot be read. It was left as it is; restore it from a backup.',
        { id },
      );
    }
    throw new DomainError('MEETING_NOT_FOUND', 'Tokio posėdžio nėra.', 'There is no such meeting.', { id });
  }

  put(meeting: MeetingRecord): void {
    this.load();
    if (!FILE_NAME.test(`${meeting.id}.json`)) throw new Error(`Invalid meeting id ${meeting.id}`);
    try {
      writeFileDurable(join(this.folder, `${meeting.id}.json`), this.codec.encode(meeting));
    } catch (e) {
      throw storageError(e, { lt: 'posėdžio duomenys', en: 'the meeting' });
    }
    this.meetings.set(meeting.id, meeting);
    this.damaged.delete(meeting.id);
  }
}
