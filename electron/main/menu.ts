import { Menu, type MenuItemConstructorOptions } from 'electron';

/** A small Lithuanian application menu: quitting, editing shortcuts, zoom, window. */
export function installApplicationMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    { label: 'Failas', submenu: [{ role: 'quit', label: 'Išeiti' }] },
    {
      label: 'Taisa',
      submenu: [
        { role: 'undo', label: 'Atšaukti' },
        { role: 'redo', label: 'Grąžinti' },
        { type: 'separator' },
        { role: 'cut', label: 'Iškirpti' },
        { role: 'copy', label: 'Kopijuoti' },
        { role: 'paste', label: 'Įklijuoti' },
        { role: 'selectAll', label: 'Pažymėti viską' },
      ],
    },
    {
      label: 'Rodinys',
      submenu: [
        { role: 'resetZoom', label: 'Tikrasis dydis' },
        { role: 'zoomIn', label: 'Padidinti' },
        { role: 'zoomOut', label: 'Sumažinti' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Visas ekranas' },
      ],
    },
    {
      label: 'Langas',
      submenu: [
        { role: 'minimize', label: 'Sumažinti langą' },
        { role: 'close', label: 'Uždaryti' },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
