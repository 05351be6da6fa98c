import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createElement } from 'react';
import { BriefingDocument } from '@/components/briefing/BriefingDocument';
import { projectRoot } from '@/queries/sql';
import type { Briefing } from './types';
import { briefingTitle } from './title';

const STYLESHEET = 'components/briefing/briefing.css';

/**
 * react-dom/server, loaded at run time from the project's own node_modules. Next compiles route handlers for React
 * Server Components, where an imported react-dom/server is a stub that only throws; the 通报 is a plain document
 * without hooks or client code, so Node's ordinary copy renders it to static markup alike in a route, the CLI and tests.
 */
function renderToStaticMarkup(element: React.ReactElement): string {
  const load = createRequire(path.join(/*turbopackIgnore: true*/ projectRoot, 'package.json'));
  return (load('react-dom/server') as typeof import('react-dom/server')).renderToStaticMarkup(element);
}

/** Text for HTML outside React (the title, Chromium's footer): the county's name is an admin's free text. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A 通报 as one self-contained HTML document: BriefingDocument's markup with its stylesheet inlined, for Chromium to print. */
export function briefingHtml(b: Briefing): string {
  const css = readFileSync(path.join(/*turbopackIgnore: true*/ projectRoot, STYLESHEET), 'utf8');
  const body = renderToStaticMarkup(createElement(BriefingDocument, { b }));
  const title = escapeHtml(`${briefingTitle(b)}（截至${b.asOf}）`);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head>`
    + `<body style="margin:0">${body}</body></html>`;
}
