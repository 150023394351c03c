import { vocabulary } from './words';

/**
 * The cue words that decide whether a number is about a patient. Lower case; a
 * phrase is words joined by single spaces. Which list a word is in matters more
 * than how long the lists are: the nearest cue wins, so an office word next to a
 * number beats a patient word earlier in the sentence ("patients should call the
 * clinic office at ...").
 */

/** People whose contact details are a patient's: the patient and the family around them. */
const PATIENT_PEOPLE = [
  'patient', 'patients', 'pt', 'pts', 'family', 'families', 'mother', 'mom', 'father', 'dad',
  'daughter', 'son', 'wife', 'husband', 'spouse', 'sister', 'brother', 'caregiver', 'guardian',
  'parent', 'parents', 'grandmother', 'grandma', 'grandfather', 'grandpa', 'grandson',
  'granddaughter', 'niece', 'nephew', 'aunt', 'uncle', 'next of kin', 'kin', 'nok',
  'emergency contact', 'proxy', 'health care proxy', 'poa', 'kid', 'baby', 'infant', 'child',
] as const;

/** Lines, rooms and places that belong to the profession, not to a patient. */
const WORKPLACE = [
  'office', 'offices', 'department', 'dept', 'division', 'clinic', 'clinics', 'desk', 'front desk',
  'coordinator', 'coordinators', 'scheduling', 'scheduler', 'admin', 'administrator', 'assistant',
  'secretary', 'fax', 'pager', 'main line', 'operator', 'switchboard', 'program', 'residency',
  'lab', 'hospital', 'institution', 'university', 'school', 'hotline', 'helpline', 'registration',
  'extension', 'ext', 'resident', 'residents', 'fellow', 'attending', 'chief', 'dr', 'doctor',
  'faculty', 'mentor', 'pd', 'apd', 'center', 'centre', 'hotel', 'venue', 'conference', 'meeting',
  'interview', 'new patient', 'new patients', 'consult', 'consults', 'appointment', 'appointments',
  'referral', 'referrals', 'station', 'call center',
] as const;

export const PHONE_CUES = vocabulary({
  patient: [...PATIENT_PEOPLE, 'home'],
  workplace: WORKPLACE,
});

export const ADDRESS_CUES = vocabulary({
  patient: [...PATIENT_PEOPLE, 'home', 'house', 'lives', 'live', 'living', 'resides', 'reside', 'residence'],
  workplace: [
    ...WORKPLACE, 'building', 'bldg', 'suite', 'cafe', 'coffee', 'restaurant', 'reception',
    'dinner', 'lunch', 'open house', 'campus', 'tower', 'pavilion',
  ],
});

/** Room and bed numbers: a patient's location vs a session, interview or office room. */
export const ROOM_CUES = vocabulary({
  clinical: [
    ...PATIENT_PEOPLE, 'bed', 'ward', 'unit', 'icu', 'sicu', 'micu', 'nicu', 'picu', 'bicu', 'ccu',
    'pacu', 'burn unit', 'admitted', 'admit', 'admission', 'postop', 'post op', 'pod', 'consult',
    'consults', 'isolation', 'dressing', 'flap', 'wound', 's/p', 'inpatient', 'discharge', 'burn',
    'trauma', 'yo', 'y/o', 'ed', 'emergency',
  ],
  elsewhere: [
    'conference', 'session', 'sessions', 'convention', 'hall', 'panel', 'talk', 'talks', 'poster',
    'posters', 'lecture', 'meeting', 'ballroom', 'abstract', 'symposium', 'workshop', 'breakout',
    'seminar', 'building', 'suite', 'office', 'grand rounds', 'interview', 'interviews', 'dinner',
    'reception', 'hotel', 'lunch', 'journal club', 'course', 'lab', 'library', 'classroom',
    'auditorium', 'zoom', 'mixer', 'sim', 'admin', 'mentorship', 'mentor', 'exhibit', 'booth',
    'resident', 'residents', 'workroom', 'call room', 'lounge', 'checkout', 'class',
  ],
});

/** Words after an age that make it a clinical description. */
export const AGE_CUES = vocabulary({
  clinical: [
    'with', 'w/', 's/p', 'status post', 'presenting', 'presents', 'presented', 'pmh', 'hx', 'h/o',
    'history', 'admitted', 'pod', 'diagnosed', 'dx', 'undergoing', 'underwent', 'scheduled',
    'male', 'female', 'man', 'woman', 'boy', 'girl', 'gentleman', 'lady', 'pt',
    'patient', 'infant', 'baby', 'neonate', 'newborn', 'toddler', 'c/o', 'complaining', 'cc',
    'referred', 'after', 'following', 'injury', 'fracture', 'fx', 'cleft', 'flap', 'burn', 'burns',
    'wound', 'ulcer', 'reconstruction', 'surgery', 'repair', 'mastectomy', 'diep', 'trauma', 'mvc',
    'gsw', 'laceration', 'lacerations', 'bite', 'crush', 'melanoma', 'scc', 'bcc', 'cancer',
    'consult', 'breast', 'reduction', 'dob', 'mrn', 'bed', 'room',
  ],
});

/** Said right after an age: whose age it is not. */
export const NOT_A_PATIENT: ReadonlySet<string> = new Set([
  'resident', 'residents', 'attending', 'attendings', 'fellow', 'fellows', 'faculty', 'surgeon',
  'surgeons', 'student', 'students', 'intern', 'interns', 'chief', 'doctor', 'dr', 'professor',
  'prof', 'mentor', 'colleague', 'program', 'programs', 'department', 'division', 'society',
  'journal', 'tradition', 'institution', 'hospital', 'building', 'practice', 'pgy', 'nurse', 'pa',
  'np', 'coordinator', 'director', 'chair', 'applicant', 'applicants', 'researcher', 'scientist',
  'son', 'daughter', 'kid', 'kids', 'dog', 'puppy', 'cat', 'car', 'house', 'company', 'ms',
  'med', 'medical', 'runner', 'marathoner', 'legacy', 'rivalry', 'friendship', 'partnership',
  'single', 'me', 'myself', 'self', 'study', 'trial', 'paper', 'project', 'grant', 'company',
  'foundation', 'lab', 'clinic', 'center', 'organization', 'conference', 'meeting', 'registry',
  'database', 'initiative', 'course', 'curriculum', 'fellowship', 'rotation', 'residency',
]);

/** Sex written right after an age ("72 yo F", "45M"): a case description. */
export const SEX_WORDS: ReadonlySet<string> = new Set([
  'm', 'f', 'male', 'female', 'man', 'woman', 'boy', 'girl', 'gentleman', 'lady', 'gent',
]);

/** Whose birth date follows "born": a faculty bio ("Dr. Lee was born on ...") or a patient. */
export const BORN_SUBJECT_CUES = vocabulary({
  professional: [
    'dr', 'doctor', 'prof', 'professor', 'resident', 'attending', 'fellow', 'chief', 'mentor',
    'faculty', 'pd', 'apd', 'chair', 'surgeon',
  ],
  patient: PATIENT_PEOPLE,
});

/** Words before an age that make it a patient's. */
export const PATIENT_BEFORE_AGE = vocabulary({ patient: ['patient', 'pt', 'pts', 'patients'] });

/** Statistics, not a person: "median age 54". */
export const STATISTIC_CUES = vocabulary({ statistic: ['median', 'mean', 'average', 'avg', 'range', 'cohort'] });
