import { journeys } from './journeys.js'

journeys('scorm2004')
