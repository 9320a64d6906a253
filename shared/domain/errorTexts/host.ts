/**
 * The texts of the errors of issue 16 (host): what the browser host answers a request it refuses
 * before the call reaches the services (a body too large or too slow, a malformed path or call, too
 * many sign-ins from one address). Each goes with a 4xx status; none is an internal fault.
 */
import { formatMegabytes } from './dossier';
import { entry } from './entry';

export const HOST_ERROR_TEXTS = {
  /** 413: the body is larger than the host takes for this call (`maxBytes`: the limit, in bytes). */
  REQUEST_TOO_LARGE: entry<{ maxBytes: number }>(
    (p) => `Siunčiamas failas per didelis: programa priima iki ${formatMegabytes(p.maxBytes, 'lt', 0)}. Niekas neišsaugota; pasirinkite mažesnį failą.`,
    (p) => `The file sent is too large: the app takes up to ${formatMegabytes(p.maxBytes, 'en', 0)}. Nothing was saved; choose a smaller file.`,
  ),
  /** 408: the body came too slowly and the host stopped waiting for it. */
  REQUEST_TOO_SLOW: entry(
    () => 'Siunčiami duomenys atkeliavo per lėtai, todėl programa nustojo jų laukti. Niekas neišsaugota; bandykite dar kartą.',
    () => 'The data sent arrived too slowly, so the app stopped waiting for it. Nothing was saved; try again.',
  ),
  /** 400: an address whose percent-encoding is not valid (e.g. "%E0%A4%A"). */
  REQUEST_PATH_INVALID: entry(
    () => 'Neteisingas adresas: jame yra netinkamai užkoduotų simbolių.',
    () => 'Invalid address: it holds wrongly encoded characters.',
  ),
  /** 400: a body that is valid JSON but not a call (null, a list, a call without a method name). */
  REQUEST_CALL_INVALID: entry(
    () => 'Užklausa nėra programos veiksmas: joje turi būti veiksmo pavadinimas ir jo duomenys.',
    () => 'The request is not a call of the app: it must hold a method name and its input.',
  ),
  /** 400: a call carrying a file must name its method in the request's headers, before the file. */
  REQUEST_METHOD_HEADER_MISSING: entry(
    () => 'Užklausa su failu turi antraštėje „X-Pusiaukele-Method“ nurodyti veiksmą. Atnaujinkite puslapį ir bandykite dar kartą.',
    () => 'A request carrying a file must name its method in the “X-Pusiaukele-Method” header. Reload the page and try again.',
  ),
  /** 400: the method in the headers is not the one in the body. */
  REQUEST_METHOD_MISMATCH: entry<{ header: string; body: string }>(
    (p) => `Užklausos antraštėje nurodytas veiksmas „${p.header}“, o turinyje – „${p.body}“. Užklausa atmesta.`,
    (p) => `The request's header names the method “${p.header}” but its body “${p.body}”. The request was refused.`,
  ),
  /** 503: as many files as the host takes at once are already arriving. */
  UPLOADS_BUSY: entry<{ retryAfterSeconds: number }>(
    (p) => `Programa šiuo metu priima per daug užklausų (failų ar kitų) vienu metu. Bandykite dar kartą po ${p.retryAfterSeconds} s.`,
    (p) => `The app is receiving too many requests (files or others) at once. Try again in ${p.retryAfterSeconds} s.`,
  ),
  /** 429: too many sign-ins from this computer's address in a short time. */
  SIGN_IN_RATE_LIMITED: entry<{ retryAfterSeconds: number }>(
    (p) => `Per trumpą laiką iš šio adreso bandyta prisijungti per daug kartų. Palaukite ${p.retryAfterSeconds} s ir bandykite dar kartą.`,
    (p) => `Too many sign-ins were tried from this address in a short time. Wait ${p.retryAfterSeconds} s and try again.`,
  ),
};
