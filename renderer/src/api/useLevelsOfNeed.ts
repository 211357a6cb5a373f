import { levelOfNeedLabels, type LevelOfNeed } from '../../../shared/schemas/children';
import { useApi } from './useApi';

// A child's level of need in the words of the setting's chosen procedure where it gives its own
// (Liverpool's LSCB levels of need: "Level 3: Complex Early Help (the partnership’s levels of
// need)"), else the app's general wording.

export function useLevelOfNeedLabel(): (level: LevelOfNeed) => string {
  const procedures = useApi('procedures.list', {});
  const chosen = procedures.data?.find((procedure) => procedure.chosen) ?? null;
  const own = chosen?.levelsOfNeed ?? null;
  return (level) => {
    const words = own?.find((candidate) => candidate.level === level);
    return words ? `Level ${level}: ${words.title} (the partnership’s levels of need)` : levelOfNeedLabels[level];
  };
}
