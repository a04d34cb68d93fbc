import { ExportPreviewDtoSchema, type ExportPreviewDto } from '../../shared/schemas/export';
import { call } from './http';

/** GET /api/projects/:project/export/preview (researcher+): records per kind; `url` from export-query.ts. */
export function getExportPreview(url: string): Promise<ExportPreviewDto> {
  return call('GET', url, ExportPreviewDtoSchema);
}
