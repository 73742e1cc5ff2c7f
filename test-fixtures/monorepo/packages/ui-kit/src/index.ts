export const BUTTON_CLASS = 'btn';
