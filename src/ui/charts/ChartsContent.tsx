// The charts themselves; recharts is loaded only when this module is (see Charts.tsx).
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { VIEW_NAMES } from '../../domain/views';
import { downsample, lagSeries, stalenessHistogram, throughputSeries } from '../../state/charts';
import { useTimeline } from '../../state/stores';
import { usePaced } from '../paced';

const DRAWN_POINTS = 200;
const COLOURS = ['#2f6fd8', '#d9822b', '#8a4fd1', '#2a9d5c', '#c2407a'];
const seconds = (t: number) => `${(t / 1000).toFixed(1)} s`;

/** Charts redraw once a second, each on its own turn, so no single frame draws all four. */
const CHART_INTERVAL_MS = 1_000;
const useRecord = () => usePaced(useTimeline, (s) => s, CHART_INTERVAL_MS);

const LagChart = ({ unit, title }: { unit: 'events' | 'ms'; title: string }) => {
  const record = useRecord();
  // Drawing costs more than computing: the lines get fewer points than the series keeps.
  const data = downsample(lagSeries(record, VIEW_NAMES)[unit], DRAWN_POINTS);
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={seconds}
          />
          <YAxis allowDecimals={false} unit={unit === 'ms' ? ' ms' : ''} width={56} />
          <Tooltip labelFormatter={(t) => `t=${seconds(Number(t))}`} />
          <Legend />
          {VIEW_NAMES.map((view, i) => (
            <Line
              key={view}
              type="stepAfter"
              dataKey={view}
              stroke={COLOURS[i]}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
};

const ThroughputChart = () => {
  const throughput = throughputSeries(useRecord());
  return (
    <figure className="chart" aria-label="Throughput per virtual second">
      <figcaption>Throughput per virtual second</figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={throughput} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="second" tickFormatter={(s: number) => `${s} s`} />
          <YAxis allowDecimals={false} width={56} />
          <Tooltip />
          <Legend />
          <Bar dataKey="commands" name="Commands" fill={COLOURS[0]} isAnimationActive={false} />
          <Bar dataKey="events" name="Events" fill={COLOURS[1]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
};

const StalenessChart = () => {
  const staleness = stalenessHistogram(useRecord());
  return (
    <figure className="chart" aria-label="Query staleness">
      <figcaption>Query answers by how many events behind they were</figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={staleness} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="bin" />
          <YAxis allowDecimals={false} width={56} />
          <Tooltip />
          <Bar dataKey="answers" name="Answers" fill={COLOURS[2]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
};

const NoEventsYet = () => {
  const empty = usePaced(useTimeline, (s) => s.appends.length === 0);
  // Over the empty charts, not above them: nothing below moves when the first event comes.
  return empty ? (
    <p className="empty overlay-note">Charts appear once the first command is accepted.</p>
  ) : null;
};

// The charts are drawn from the start, empty: mounting them costs more than updating them, and
// should not happen in the middle of a burst.
export default function ChartsContent() {
  return (
    <div className="charts-grid">
      <NoEventsYet />
      <LagChart unit="events" title="Lag per view, in events behind the head" />
      <LagChart unit="ms" title="Lag per view, in ms (age of the oldest unapplied event)" />
      <ThroughputChart />
      <StalenessChart />
    </div>
  );
}
