import { LineChart } from 'echarts/charts';
import { TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import Chart from '../Chart';

// The network's shared chart registers bars and pies; the dashboard's trends also need lines, and titles for charts without figures.
echarts.use([LineChart, TitleComponent]);

export default Chart;
