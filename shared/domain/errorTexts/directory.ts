/** The texts of the errors of issue 16 (directory): the data directory on a disk with no space left. */
import { entry } from './entry';

export const DIRECTORY_ERROR_TEXTS = {
  /** The lock was removed or replaced while this app held the directory (another workstation may hold it now). */
  DATA_DIR_LOCK_LOST: entry<{ root: string }>(
    (p) => `Šios programos duomenų katalogo ${p.root} užraktas pašalintas arba pakeistas (katalogą galbūt atidarė kitas kompiuteris), todėl ši programa nebeįrašo nieko. Niekas nepakeista. Uždarykite programą ir atidarykite ją iš naujo, kai katalogas bus laisvas.`,
    (p) => `This app's lock on the data directory ${p.root} was removed or replaced (another computer may have opened it), so this app writes nothing more. Nothing was changed. Close the app and open it again once the directory is free.`,
  ),
  /**
   * The data directory could not be written for want of space where nothing else can be done:
   * `create`: a new directory's descriptor (an existing one opens read-only instead, see
   * dataDirectory.ts); `upgrade`: its descriptor, rewritten for a newer layout as it opens.
   */
  DATA_DIR_NO_SPACE: entry<{ root: string; why: 'create' | 'upgrade' }>(
    (p) =>
      p.why === 'create'
        ? `Diske, kuriame turi būti duomenų katalogas ${p.root}, nebėra laisvos vietos, todėl katalogo sukurti nepavyko. Niekas nepakeista. Atlaisvinkite vietos diske ir bandykite dar kartą.`
        : `Diske, kuriame yra duomenų katalogas ${p.root}, nebėra laisvos vietos, todėl katalogo nepavyko parengti šiai programos versijai. Duomenys nepakeisti. Atlaisvinkite vietos diske ir atidarykite programą iš naujo.`,
    (p) =>
      p.why === 'create'
        ? `The disk that is to hold the data directory ${p.root} has no free space left, so the directory could not be created. Nothing was changed. Free some space on the disk and try again.`
        : `The disk that holds the data directory ${p.root} has no free space left, so the directory could not be prepared for this version of the app. The data is unchanged. Free some space on the disk and open the app again.`,
  ),
};
