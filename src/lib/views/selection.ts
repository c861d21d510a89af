/** What a reader has selected in a view, as the chips beside its filters say it. */
export interface Chip {
  /** The field it clears. */
  field: string;
  label: string;
  /** The participant selected, whose page the chip opens ("Open Canada's page"). */
  participant?: { id: string; name: string };
}
