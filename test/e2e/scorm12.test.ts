import { journeys } from './journeys.js'

journeys('scorm12')
