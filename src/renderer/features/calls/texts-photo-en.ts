// English texts of the photo the expert asks of the cart (the same keys as the French).
export const photoEn = {
  title: 'Photo at the cart',
  hint: 'The cart takes the photo at the camera’s full resolution, files it in the act and sends you a copy.',
  camera: 'Camera',
  cameras: { room: 'Room camera', device: 'Dermatoscope' },
  take: 'Photo',
  asking: 'Photo asked of the cart…',
  whyNotConnected: 'The call is not connected.',
  unanswered: 'The cart did not answer: check the call, then ask for the photo again.',
  linkDown: 'The call’s link is down: ask for the photo again when it is back.',
  taken:
    'Photo taken at the cart: {{width}} × {{height}} pixels, {{device}}, at {{time}}; filed in {{where}}, asked by you.',
  filedIn: { act: 'the act', call: 'the call’s journal (a call without an act)' },
  receiving: 'Receiving the copy…',
  alt: 'Photo taken at the cart ({{device}})',
  refused: {
    no_camera: {
      room: 'No room camera at the cart: ask the team to plug it in, then ask for the photo again.',
      device: 'No dermatoscope plugged into the cart: ask the team to plug it in, then ask for the photo again.',
    },
    no_picture: 'The cart’s camera gives no picture ({{detail}}): ask the team to check it, then ask again.',
    not_kept:
      'The cart could not keep the photo ({{detail}}): if the patient has not consented to recording, the team collects it first; otherwise ask again.',
    busy: 'The cart is already taking a photo: wait for it, then ask again.',
  },
};
