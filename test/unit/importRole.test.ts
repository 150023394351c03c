import * as assert from 'assert';
import { guessRole } from '../../src/core/import/roleGuess';

describe('import: role guessed from the position', () => {
  const cases: [string, string][] = [
    ['Plastic Surgery Resident', 'resident'],
    ['Chief Resident, Plastic Surgery', 'resident'],
    ['Surgical Intern', 'resident'],
    ['PGY-3', 'resident'],
    ['pgy4 integrated plastics', 'resident'],
    ['Hand Surgery Fellow', 'resident'],
    ['Program Director, Integrated Plastic Surgery Residency', 'program-director'],
    ['Residency Program Director', 'program-director'],
    ['Associate Program Director', 'associate-program-director'],
    ['Assistant Program Director, General Surgery', 'associate-program-director'],
    ['Chair, Department of Surgery', 'chair'],
    ['Chief of Plastic Surgery', 'chair'],
    ['Division Chief, Plastic and Reconstructive Surgery', 'chair'],
    ['Professor and Chair', 'chair'],
    ['Assistant Professor of Surgery', 'faculty'],
    ['Attending Surgeon', 'faculty'],
    ['Plastic Surgeon', 'faculty'],
    ['Physician', 'faculty'],
    ['MD', 'faculty'],
    ['Craniofacial Surgery, MD', 'faculty'],
    ['Residency Program Coordinator', 'coordinator'],
    ['Medical Student', 'student'],
    ['MS3 at Northgate', 'student'],
    ['M4', 'student'],
    ['MD Candidate 2027', 'student'],
    ['MD/PhD Student', 'student'],
    ['Postdoctoral Research Fellow', 'researcher'],
    ['Research Scientist', 'researcher'],
    ['Researcher', 'researcher'],
    ['Data Scientist', 'researcher'],
    ['Software Engineer', 'other'],
    ['President', 'other'],
    ['Internal Medicine Doctor', 'other'],
    ['Director of Student Affairs', 'other'],
  ];
  for (const [position, role] of cases) {
    it(`"${position}" → ${role}`, () => {
      assert.deepStrictEqual(guessRole(position), { role, from: position });
    });
  }

  it('gives other, with nothing to cite, when there is no position', () => {
    assert.deepStrictEqual(guessRole(null), { role: 'other', from: null });
    assert.deepStrictEqual(guessRole('   '), { role: 'other', from: null });
  });
});
