import type { Db } from '../db';
import { namedSql } from '../sql';

export interface AliasEntry {
  id: number;
  alias: string;
  created_by: string | null;
  created_at: string;
}

export interface CatalogFund {
  id: number;
  level: 'central' | 'province' | 'city' | 'county';
  seq: number;
  name: string;
  source_division: string | null;
  section_id: number;
  section: string | null;
  aliases: AliasEntry[];
}

/** The fund catalog in its order (中央, 省, 市, 县; each by 序号), with each fund's 股室, 来源 and aliases. */
export function listCatalog(db: Db): Promise<CatalogFund[]> {
  return db.all<CatalogFund>(namedSql('queries/funds/catalog.sql').catalog);
}
