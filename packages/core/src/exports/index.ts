export { AGENT_EXPORT_COLUMNS, type ExportColumn, SESSION_EXPORT_COLUMNS } from './columns';
export { type CsvValue, csvField, csvRecord } from './csv';
export {
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  type ExportFormat,
  encodeRows,
  exportFileName,
} from './encode';
