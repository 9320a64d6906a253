import { meetingRecord, type MeetingRecord } from '../../../shared/contract/meetingSchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import type { Codec } from './jsonFile';
import { RecordFolder } from './recordFolder';

/** The commission's meetings, one sealed file each in `meetings/` (V-77 p. 9–11). */
export class MeetingStore extends RecordFolder<MeetingRecord> {
  constructor(dir: DataDirectory, codec: Codec) {
    super(dir, codec, {
      folder: 'meetings',
      schema: meetingRecord,
      what: 'meeting',
      damaged: (id) => new DomainError('MEETING_DAMAGED', { id }),
      notFound: (id) => new DomainError('MEETING_NOT_FOUND', { id }),
    });
  }
}
