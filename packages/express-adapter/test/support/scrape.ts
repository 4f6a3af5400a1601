import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { Histogram, type Registry } from 'prom-client';

/** One scrape of `GET /metrics`, parsed by a Prometheus text-format parser. */
export interface Scrape {
  /** The value of the sample of `name` whose labels include `labels`; undefined when absent. */
  value(name: string, labels?: Record<string, string>): number | undefined;
  /** Metric families by name, with their type. */
  types: Map<string, string>;
}

/**
 * Parses an exposition and finds counter and gauge samples by name and labels. The parser folds
 * a histogram's labelled series into one, so histograms are checked through the registry's own
 * values (see {@link histogramCount}) and here only by type.
 */
export function parseScrape(text: string): Scrape {
  const families = parsePrometheusTextFormat(text);
  const find = (name: string, labels: Record<string, string>) =>
    families
      .find((family) => family.name === name)
      ?.metrics.find((sample) =>
        Object.entries(labels).every(([key, value]) => sample.labels?.[key] === value),
      );
  return {
    value: (name, labels = {}) => {
      const sample = find(name, labels);
      if (sample?.value === undefined) return undefined;
      // The text format writes infinities as +Inf and -Inf, which Number() does not read.
      return sample.value === '+Inf'
        ? Infinity
        : sample.value === '-Inf'
          ? -Infinity
          : Number(sample.value);
    },
    types: new Map(families.map((family) => [family.name, family.type])),
  };
}

/** The observation count of a histogram's series whose labels include `labels`. */
export async function histogramCount(
  registry: Registry,
  name: string,
  labels: Record<string, string>,
): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name);
  if (!(metric instanceof Histogram)) return undefined;
  const { values } = await metric.get();
  return values.find(
    (sample) =>
      sample.metricName === `${name}_count` &&
      Object.entries(labels).every(([key, value]) => String(sample.labels[key]) === value),
  )?.value;
}
