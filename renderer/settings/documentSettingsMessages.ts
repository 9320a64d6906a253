/** Labels of the settings' document register and signing sections (merged in i18n/messages.ts). */
export const documentSettingsLt = {
  'settings.register': 'Dokumentų registras',
  'settings.register.hint':
    'Kol registras nenustatytas, dokumentų parengti negalima. Nurodykite vietovę ir direktorių; priešdėlius galite palikti numatytuosius.',
  'settings.register.place': 'Vietovė (rašoma po dokumento data)',
  'settings.register.directorName': 'Direktoriaus vardas ir pavardė',
  'settings.register.directorPosition': 'Direktoriaus pareigos',
  'settings.register.employeeName': 'Pusiaukelės namų darbuotojo vardas ir pavardė',
  'settings.register.employeePosition': 'Pusiaukelės namų darbuotojo pareigos',
  'settings.register.employeeHint': 'Pasirašo teikimą grąžinti nuteistąjį (V-77 45 p.) ir tvarko sąrašą (12 p.); nenurodžius – direktorius.',
  'settings.register.prefixes': 'Registracijos numerių priešdėliai',
  'settings.register.prefixesHint':
    'Numerį sudaro priešdėlis ir eilės numeris (pvz., V-12); kiekvienais metais numeruojama iš naujo. Dokumentai su tuo pačiu priešdėliu numeruojami kartu.',
  'settings.register.prefix': '{kind}: priešdėlis',
  'settings.signing': 'Elektroninis parašas',
  'settings.signing.pkcs11Module': 'Kortelės skaitytuvo tvarkyklė (PKCS#11 modulis)',
  'settings.signing.pkcs11Hint': 'Kelias iki tvarkyklės failo, pvz., /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so. Nenurodžius pasirašyti galima tik sertifikato failu.',
  'settings.signing.timestampUrl': 'Laiko žymų tarnybos adresas (RFC 3161)',
  'settings.signing.timestampHint': 'Pvz., http://laiko-zymos.example.lt/tsr. Nenurodžius parašai laiko žymos neturi.',
  'settings.signing.trustedRoots': 'Patikimi šakniniai sertifikatai (PEM)',
  'settings.signing.trustedRootsHint':
    'Įklijuokite sertifikatus tekstu – kiekvieną nuo „-----BEGIN CERTIFICATE-----“ iki „-----END CERTIFICATE-----“. Tikrinant parašus pagal juos nustatoma, ar sertifikatas patikimas.',
};

export const documentSettingsEn: Readonly<Record<keyof typeof documentSettingsLt, string>> = {
  'settings.register': 'Document register',
  'settings.register.hint': 'Until the register is set up, no document can be prepared. Give the place and the director; the prefixes may stay as they are.',
  'settings.register.place': 'Place (written under the date of a document)',
  'settings.register.directorName': "Director's name and surname",
  'settings.register.directorPosition': "Director's position",
  'settings.register.employeeName': "Halfway-house employee's name and surname",
  'settings.register.employeePosition': "Halfway-house employee's position",
  'settings.register.employeeHint': 'Signs the submission to return a convict (V-77 p. 45) and keeps the list (p. 12); the director when not given.',
  'settings.register.prefixes': 'Registration number prefixes',
  'settings.register.prefixesHint':
    'A number is the prefix and a running number (e.g. V-12); numbering starts again each year. Documents with the same prefix are numbered together.',
  'settings.register.prefix': '{kind}: prefix',
  'settings.signing': 'Electronic signature',
  'settings.signing.pkcs11Module': 'Card reader driver (PKCS#11 module)',
  'settings.signing.pkcs11Hint': 'The path of the driver file, e.g. /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so. Without it, only a certificate file can sign.',
  'settings.signing.timestampUrl': 'Timestamp service address (RFC 3161)',
  'settings.signing.timestampHint': 'E.g. http://timestamps.example.lt/tsr. Without it, signatures carry no timestamp.',
  'settings.signing.trustedRoots': 'Trusted root certificates (PEM)',
  'settings.signing.trustedRootsHint':
    'Paste the certificates as text, each from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----". Verification uses them to tell whether a certificate is trusted.',
};
