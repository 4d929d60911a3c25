export { CorrelationTimeline } from './components/correlation-timeline';
